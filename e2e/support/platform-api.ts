/** Reads the platform's public API from Node, to pick test data the demo district really has. */

export interface PublicSubject {
  id: string;
  name: string;
  uscc: string | null;
}

export interface PublicStats {
  subjects: number;
  departments: number;
  catalogItems: number;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export function fetchStats(baseUrl: string): Promise<PublicStats> {
  return getJson<PublicStats>(`${baseUrl}/api/v1/public/stats`);
}

export async function searchSubjects(
  baseUrl: string,
  q: string,
  limit = 20,
): Promise<{ items: PublicSubject[]; total: number }> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  return getJson(`${baseUrl}/api/v1/public/subjects?${params.toString()}`);
}

export interface SearchCase {
  subject: PublicSubject;
  /** A 2–3 character piece of the name whose first page of results contains the subject. */
  query: string;
}

/**
 * A real company and a short piece of its name that finds it. The piece is
 * chosen so the company is on the first page (a common piece like 北京 may
 * match hundreds), which is what a person would do after one look.
 */
export async function pickSearchCase(baseUrl: string): Promise<SearchCase> {
  const { items } = await searchSubjects(baseUrl, '有限', 1);
  const subject = items[0];
  if (!subject) throw new Error('the demo district has no subject whose name contains 有限');
  const characters = [...subject.name];
  for (const length of [3, 2]) {
    for (let start = 0; start + length <= characters.length; start += 1) {
      const query = characters.slice(start, start + length).join('');
      if (query.includes('有限') || query.includes('公司')) continue;
      const result = await searchSubjects(baseUrl, query);
      if (result.items.some((item) => item.id === subject.id)) return { subject, query };
    }
  }
  throw new Error(`no 2–3 character piece of ${subject.name} finds it on the first page`);
}
