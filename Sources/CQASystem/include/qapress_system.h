#ifndef QAPRESS_SYSTEM_H
#define QAPRESS_SYSTEM_H
/* Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
   Returns 0 on success, -1 with errno set otherwise (for example where unsupported). */
int qapress_exchange_paths(const char *a, const char *b);
#endif
