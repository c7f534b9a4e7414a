// `npm run dev`: the API with reload on save (port 3000) and the web app with hot reload (Vite, port 5173,
// proxying /api to the API). Ctrl+C stops both.
import { spawn } from 'node:child_process';

const run = (name, args) => {
  const child = spawn('npm', args, { stdio: 'inherit', env: process.env });
  child.on('exit', (code) => {
    console.error(`${name} stopped (${code ?? 'signal'}); stopping the rest.`);
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exitCode = code ?? 1;
  });
  return child;
};

const children = [
  run('server', ['run', 'dev', '-w', '@qianke/server']),
  run('web', ['run', 'dev', '-w', '@qianke/web']),
];
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
  });
}
