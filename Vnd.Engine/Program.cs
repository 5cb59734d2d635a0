using Vnd.Engine.Cli;

return await VndCommandLine.RunAsync(args).ConfigureAwait(false);
