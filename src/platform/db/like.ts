/** Escapes LIKE wildcards so that user text is matched literally (escape char `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
