// The benchmark document: about 1 MB of text in 5,000 paragraphs with 10,000 annotations, some
// overlapping, as a Glossa JSON file that carries its text (so importing it creates the document).
const crypto = require('node:crypto');

const WORDS = ['Iran', 'denies', 'the', 'transfer', 'of', 'ballistic', 'missiles', 'to', 'Russia', 'officials', 'said', 'sanctions', 'were', 'announced', 'against', 'shipping', 'firms', '🚀', 'نفى', '導弾', 'café'];

function largeDocument({ paragraphs = 5000, annotations = 10000 } = {}) {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = [];
  for (let p = 0; p < paragraphs; p++) {
    const words = [];
    for (let length = 0; length < 190;) {
      const word = WORDS[Math.floor(random() * WORDS.length)];
      words.push(word);
      length += word.length + 1;
    }
    lines.push(`${words.join(' ')}.`);
  }
  const text = lines.join('\n');
  const points = Array.from(text);
  const starts = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += Array.from(line).length + 1;
  }
  const labels = ['claim', 'denial', 'sanction'];
  const items = [];
  for (let i = 0; i < annotations; i++) {
    const p = Math.floor(random() * paragraphs);
    const length = Array.from(lines[p]).length;
    let start = starts[p] + Math.floor(random() * (length - 40));
    let end = start + 5 + Math.floor(random() * 30);
    // Annotations never begin or end with a space, as Glossa trims them.
    while (points[start] === ' ') start++;
    while (points[end - 1] === ' ') end--;
    const quote = points.slice(start, end).join('');
    items.push({ id: `bench-${i}`, label: labels[i % 3], start, end, quote, note: '', attributed_to: '',
      created_at: '2026-11-22T10:00:00.000Z', updated_at: '2026-11-22T10:00:00.000Z' });
  }
  const file = {
    format: 'glossa-annotations', version: 2, exported_at: '2026-11-22T10:00:00Z', labels: [],
    documents: [{ id: 'bench', title: 'Benchmark document', source: null,
      text_sha256: crypto.createHash('sha256').update(text).digest('hex'), length: points.length, text, annotations: items }],
  };
  return { text, lines, file: JSON.stringify(file), annotations: items.length };
}

module.exports = { largeDocument };
