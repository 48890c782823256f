// Tags CoNLL sentences with compromise (people -> PER, places -> LOC, organizations -> ORG; it has no MISC) and
// writes "token gold predicted" lines for the C# scorer. Prints the tagging speed (model loaded, one thread) on stderr.
import fs from "node:fs";
import nlp from "compromise";

const [input, output] = process.argv.slice(2);
const sentences = [];
let current = [];
for (const line of fs.readFileSync(input, "utf8").split("\n")) {
  const columns = line.trim().split(/\s+/).filter(Boolean);
  if (columns.length === 0 || columns[0] === "-DOCSTART-") {
    if (current.length) sentences.push(current);
    current = [];
    continue;
  }
  current.push({ token: columns[0], gold: columns[1] ?? "O" });
}
if (current.length) sentences.push(current);

const tag = (sentence) => {
  // Tokens joined by single spaces; a token's characters are then easy to map back from compromise's offsets.
  const starts = [];
  let text = "";
  for (const { token } of sentence) {
    starts.push(text.length);
    text += token + " ";
  }
  const predicted = sentence.map(() => "O");
  const doc = nlp(text);
  const groups = [["PER", doc.people()], ["LOC", doc.places()], ["ORG", doc.organizations()]];
  for (const [label, matches] of groups) {
    for (const match of matches.json({ offset: true })) {
      const { start, length } = match.offset;
      const end = start + length;
      let first = true;
      for (let i = 0; i < sentence.length; i++) {
        const tokenEnd = starts[i] + sentence[i].token.length;
        if (starts[i] >= start && tokenEnd <= end && predicted[i] === "O") {
          predicted[i] = (first ? "B-" : "I-") + label;
          first = false;
        }
      }
    }
  }
  return predicted;
};

tag(sentences[0]); // warm-up, not timed
const tokens = sentences.reduce((sum, s) => sum + s.length, 0);
const began = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const results = sentences.map(tag);
const seconds = Number(process.hrtime.bigint() - began) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const lines = [];
sentences.forEach((sentence, s) => {
  sentence.forEach(({ token, gold }, i) => lines.push(`${token} ${gold} ${results[s][i]}`));
  lines.push("");
});
fs.writeFileSync(output, lines.join("\n"));
console.error(`compromise: ${tokens.toLocaleString("en")} tokens tagged in ${seconds.toFixed(3)} s wall / ${cpuSeconds.toFixed(3)} s CPU = ${Math.round(tokens / seconds).toLocaleString("en")} tokens/s wall, ${Math.round(tokens / cpuSeconds).toLocaleString("en")} tokens/s CPU, one thread`);
