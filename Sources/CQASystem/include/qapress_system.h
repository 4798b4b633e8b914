#ifndef QAPRESS_SYSTEM_H
#define QAPRESS_SYSTEM_H
/* Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
   Returns 0 on success, -1 with errno set otherwise (for example where unsupported). */
int qapress_exchange_paths(const char *a, const char *b);
/* 1 when the start of the open file `fd` is in the page cache, so reading it would not wait
   for the disk (Linux preadv2 with RWF_NOWAIT); 0 when it is not, or cannot be told. */
int qapress_is_cached(int fd);
#endif
