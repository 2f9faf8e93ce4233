using BenchmarkDotNet.Running;
using RegenClinic.Benchmarks.Latency;

if (args.Length > 0 && args[0] == "latency") return await LatencyBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "fhir") return await RegenClinic.Benchmarks.Fhir.FhirBench.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(LatencyBench).Assembly).Run(args);
return 0;
