using Hub.Benchmarks;

var name = args.FirstOrDefault() ?? "draft-page";
return name switch
{
    "draft-page" => await DraftPageBenchmark.RunAsync(args.Skip(1).ToArray()),
    "state-dashboard" => await StateDashboardBenchmark.RunAsync(args.Skip(1).ToArray()),
    "rls" => await RowLevelSecurityBenchmark.RunAsync(args.Skip(1).ToArray()),
    "markdown" => await MarkdownBenchmark.RunAsync(args.Skip(1).ToArray()),
    "sign-in" => await SignInTimingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "run" => await Hub.Benchmarks.Load.LoadBenchmark.RunAsync(args.Skip(1).ToArray()),
    "seed" => await Hub.Benchmarks.Seed.BenchSeed.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Use: ./hub bench draft-page [--revisions 50] [--comments 200] [--requests 200] | ./hub bench state-dashboard [--requests 30] | ./hub bench rls [--requests 200] | ./hub bench markdown [--max-kb 800] | ./hub bench sign-in [--requests 60] | ./hub bench seed --scale hessen|germany [--seed N] | ./hub bench run [--scale germany|hessen] [--seconds 20] [--clients 1,16,64] [--only NAME] [--quick] [--out DIR]");
    return 2;
}
