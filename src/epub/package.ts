// The EPUB container: mimetype first and stored, then META-INF/container.xml,
// the package document, the navigation document, a style sheet and the
// content documents, zipped by yazl.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import yazl from 'yazl';
import { escapeHtml as escapeXml } from '../site/text.ts';

export interface BookFile {
  name: string;
  data: string;
}

export interface Book {
  /** Title and description, already XML-escaped. */
  title: string;
  description: string;
  version: string;
  /** YYYY-MM-DD. */
  revised: string;
  /** Content documents in reading order. */
  files: BookFile[];
  toc: { file: string; title: string }[];
}

const CONTAINER = `<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;

const CSS = `body { font-family: serif; line-height: 1.5; margin: 0 5%; }
h1 { font-size: 1.5em; line-height: 1.2; }
.kicker, .headline-source, .meta, .note-number { font-family: sans-serif; font-size: 0.85em; }
.summary { font-style: italic; }
.gap { border-left: 3px solid #999; padding-left: 0.8em; margin: 1em 0; }
.gap-label { font-family: sans-serif; font-size: 0.85em; }
aside.note { font-size: 0.9em; }
dt { font-weight: bold; margin-top: 0.8em; }
.cover { text-align: center; margin-top: 20%; }
`;

/** A stable urn:uuid for one version of the book (the same title and version give the same id). */
function bookId(book: Book): string {
  const hex = createHash('sha1').update(`${book.title}\n${book.version}`).digest('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function opf(book: Book): string {
  const items = book.files.map((f, i) => `    <item id="c${i}" href="${f.name}" media-type="application/xhtml+xml"/>`);
  const spine = book.files.map((_, i) => `    <itemref idref="c${i}"/>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">${bookId(book)}</dc:identifier>
    <dc:title>${book.title}</dc:title>
    <dc:language>en</dc:language>
    <dc:description>${book.description}</dc:description>
    <dc:date>${book.revised}</dc:date>
    <meta property="dcterms:modified">${book.revised}T00:00:00Z</meta>
    <meta property="dcterms:hasVersion">${escapeXml(book.version)}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="css" href="book.css" media-type="text/css"/>
${items.join('\n')}
  </manifest>
  <spine>
${spine.join('\n')}
  </spine>
</package>
`;
}

function nav(book: Book): string {
  const entries = book.toc.map((t) => `      <li><a href="${t.file}">${escapeXml(t.title)}</a></li>`);
  const body = book.toc.find((t) => !/^(cover|glossary|about)\./.test(t.file));
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><meta charset="utf-8"/><title>Contents</title></head>
<body>
  <nav epub:type="toc" id="toc">
    <h1>Contents</h1>
    <ol>
${entries.join('\n')}
    </ol>
  </nav>
  <nav epub:type="landmarks" hidden="hidden">
    <ol>
      <li><a epub:type="cover" href="cover.xhtml">Cover</a></li>
      ${body ? `<li><a epub:type="bodymatter" href="${body.file}">${escapeXml(body.title)}</a></li>` : ''}
      <li><a epub:type="glossary" href="glossary.xhtml">Glossary</a></li>
    </ol>
  </nav>
</body>
</html>
`;
}

/** Write the book to `out`, atomically (a temporary file renamed on success). */
export function writeEpub(out: string, book: Book): Promise<void> {
  const zip = new yazl.ZipFile();
  // A fixed date: the same pages give the same bytes.
  const mtime = new Date(`${book.revised}T00:00:00Z`);
  const add = (name: string, data: string, compress = true) => zip.addBuffer(Buffer.from(data, 'utf8'), name, { mtime, compress, forceDosTimestamp: true });
  add('mimetype', 'application/epub+zip', false);
  add('META-INF/container.xml', CONTAINER);
  add('OEBPS/content.opf', opf(book));
  add('OEBPS/nav.xhtml', nav(book));
  add('OEBPS/book.css', CSS);
  for (const f of book.files) add(`OEBPS/${f.name}`, f.data);
  zip.end();
  const tmp = `${out}.tmp`;
  return new Promise((resolve, reject) => {
    zip.outputStream
      .pipe(fs.createWriteStream(tmp))
      .on('close', () => {
        fs.renameSync(tmp, out);
        resolve();
      })
      .on('error', reject);
  });
}
