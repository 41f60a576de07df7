import readline from 'node:readline';

/**
 * A password for a command: asked on the terminal without echo (twice, to catch a typo), or read
 * as the first line of standard input when it is not a terminal (scripts and tests pipe it in).
 */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = '';
    for await (const chunk of process.stdin) input += String(chunk);
    return input.split(/\r?\n/)[0] ?? '';
  }
  const first = await askHidden(prompt);
  const second = await askHidden('Repita la contraseña: ');
  if (first !== second) throw new Error('Las contraseñas no coinciden.');
  return first;
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Typed characters are not written back to the terminal.
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    output._writeToOutput = (s: string) => {
      if (s.startsWith(prompt)) process.stdout.write(prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
