/* csvq: rows read ahead by a second thread.
 *
 * A tool whose work per row costs more than reading and splitting it can
 * hand the reading (read(2) or inflate, and the scanner) to a thread of
 * its own: on a machine with two cores the two run side by side. Rows
 * come in the order the reader gives them, in batches; a row and its
 * fields belong to the queue and stay valid until the next csvq_next().
 * While the queue runs, the struct csvr belongs to its thread: touch it
 * again only after csvq_stop(). */
#ifndef SAPIPE_CSVQ_H
#define SAPIPE_CSVQ_H

#include <stddef.h>

#include "csvread.h"

struct csvq;

/* Start reading r. With threads off (one CPU, or SAPIPE_THREADS=1 in the
 * environment) the rows are read in the caller's thread as they are
 * asked for. */
struct csvq *csvq_start(struct csvr *r);
/* As csvr_next(): 1 and *row set; 0 at end of input; -1 on a read error
 * (csvq_error). */
int csvq_next(struct csvq *q, struct csvr_row **row);
/* The last row's bytes as read, as csvr_raw(). */
const char *csvq_raw(struct csvq *q, size_t *len);
const char *csvq_error(struct csvq *q);
/* Wait for the thread and free the queue; r is the caller's again. */
void csvq_stop(struct csvq *q);

#endif
