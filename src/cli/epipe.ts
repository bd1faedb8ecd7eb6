/**
 * A reader who closes the pipe (`citelens score | head`) has read all they want: leave quietly, without
 * Node's unhandled `EPIPE` stack trace. Any other stream error still surfaces.
 */
export function exitQuietlyOnClosedPipe(
  streams: NodeJS.WritableStream[],
  exit: (code: number) => void,
): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') exit(0);
      else throw error;
    });
  }
}
