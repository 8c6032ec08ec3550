import { compileAll } from './compile';

const started = Date.now();
compileAll((line) => console.log(`[contracts] ${line}`));
console.log(`[contracts] up to date (${((Date.now() - started) / 1000).toFixed(1)} s)`);
