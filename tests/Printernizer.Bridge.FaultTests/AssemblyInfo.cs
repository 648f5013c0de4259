// Fault scenarios start brokers, fleets of simulators and whole bridges; on a shared 2-core
// machine they are only trustworthy one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
