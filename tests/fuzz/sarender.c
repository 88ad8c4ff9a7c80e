/* Fuzz sarender's HTML output: the files of cmd/sarender/ are compiled
 * in here as one unit (its main renamed); the input is read as the table
 * (readfile, prepare) and rendered with -f html, the first byte choosing
 * --suppress 5 or not, and a title, caption, source and classification
 * that are themselves hostile. The second byte cuts reads into chunks
 * (fuzz.h).
 *
 * The finding looked for: a '<' that came from the data. The renderer's
 * own markup only ever opens the tags listed in tags[] below; every '<'
 * in the output must open one of them. A '<' from the data (escaped by
 * hesc() or not) is followed by whatever the fuzzer put after it, so a
 * path that skipped escaping shows as a '<' before some other name
 * (the fuzzer makes "<x" far sooner than exactly "<td"). Also no NUL and
 * no invalid UTF-8 may reach the page. errx() on bad data (exit 1) ends
 * the input quietly. */
#define FZ_TOOL
#include "fuzz.h"
#define main sarender_main
/* lib/table ends on bad data with errx() as the tools do: compiled in
 * here too, so that its exits come back to the fuzz entry. */
#include "../../lib/table.c"
#include "../../cmd/sarender/cells.c"
#include "../../cmd/sarender/columns.c"
#include "../../cmd/sarender/csv.c"
#include "../../cmd/sarender/funnel.c"
#include "../../cmd/sarender/html.c"
#include "../../cmd/sarender/main.c"
#include "../../cmd/sarender/matrix.c"
#include "../../cmd/sarender/md.c"
#include "../../cmd/sarender/priority.c"
#include "../../cmd/sarender/rag.c"
#include "../../cmd/sarender/read.c"
#include "../../cmd/sarender/str.c"
#include "../../cmd/sarender/suppress.c"
#include "../../cmd/sarender/text.c"
#include "../../cmd/sarender/width.c"
#undef main

#include "text.h"

static const char *const tags[] = { "!DOCTYPE html>", "html", "head",
	"meta", "title", "style", "body", "main", "h1", "h2", "p", "div",
	"span", "table", "caption", "thead", "tbody", "tr", "th", "td", "svg",
	"line", "rect", "path", "circle", "text", "title", "defs", "pattern",
	"g", NULL };

static int
known(const char *p, const char *end)
{
	const char *const *t;
	size_t n;

	if (p < end && *p == '/')
		p++;
	for (t = tags; *t; t++) {
		n = strlen(*t);
		if ((size_t)(end - p) > n && memcmp(p, *t, n) == 0 &&
		    (p[n] == '>' || p[n] == ' ' || (*t)[n - 1] == '>'))
			return 1;
	}
	return 0;
}

static void
check(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	if (memchr(s, '\0', n))
		fz_fail("a NUL byte in the HTML");
	if (utf8_bad(s, n) >= 0)
		fz_fail("invalid UTF-8 in the HTML at byte %ld", utf8_bad(s, n));
	while ((p = memchr(p, '<', (size_t)(end - p)))) {
		p++;
		if (!known(p, end))
			fz_fail("a raw '<' from the data: ...%.40s", p - 1);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tab t;
	struct sarender st = SARENDER_INIT;
	char *out = NULL;
	size_t on = 0;
	FILE *fp;
	int died;

	if (size < 2)
		return 0;
	st.fmt = F_HTML;
	st.suppress = data[0] & 1 ? 5 : -1;
	st.title = "<script>alert(1)</script> & \"q\" | 'a'\nline";
	st.caption = "</table><b>caption</b>";
	st.source = "a&b <c>";
	st.classif = "OFFICIAL-SENSITIVE <x>";
	fz_chunk = fz_chunkof(data[1]);
	memset(&t, 0, sizeof(t));
	fp = open_memstream(&out, &on);
	died = setjmp(fz_jb);
	if (!died) {
		fz_armed = 1;
		readfile(&t, fz_path(data + 2, size - 2));
		prepare(&st, &t);
		render(&st, fp, &t);
	}
	fz_armed = 0;
	fclose(fp);
	if (!died)
		check(out, on);
	freetab(&t);
	fz_release();
	free(out);
	fz_chunk = 0;
	return 0;
}
