export async function runBenchmarks(_opts: { quick: boolean }): Promise<void> {}
