// Whether long background work lets other work run: while `work` runs, a stand-in for arriving
// requests asks for the next turn of the event loop again and again; the turns it got are counted.
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let working = true;
  const request = () => {
    turns++;
    if (working) setImmediate(request);
  };
  setImmediate(request);
  try {
    return { result: await work(), turns };
  } finally {
    working = false;
  }
}
