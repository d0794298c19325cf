// The peer for bench/run: chrono-node's date parser over the same files, paragraph by
// paragraph (it only finds dates, so it does far less than annotate). Prints
// "files bytes dates seconds".
const fs = require('fs');
const chrono = require('chrono-node');

// The file list comes in a file (one path a line): too many for a command line.
const files = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
let bytes = 0;
let dates = 0;
const start = process.hrtime.bigint();
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(text);
  for (const paragraph of text.split('\n')) {
    if (paragraph.trim()) dates += chrono.parse(paragraph).length;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${files.length} ${bytes} ${dates} ${seconds.toFixed(3)}`);
