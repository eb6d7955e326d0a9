// One browser and one hub at a time: on two cores parallel browsers only make each other time out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
