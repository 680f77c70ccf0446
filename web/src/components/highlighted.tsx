/**
 * A search fragment with `<mark>` around the matches: the marks become elements, everything else stays text
 * (Preact escapes it), so no markup from the record can reach the page.
 */
export const Highlighted = ({ fragment }: { fragment: string }) => {
  const parts = fragment.split(/(<mark>|<\/mark>)/);
  const nodes = [];
  let marked = false;
  for (const [index, part] of parts.entries()) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) nodes.push(marked ? <mark key={index}>{part}</mark> : part);
  }
  return <>{nodes}</>;
};
