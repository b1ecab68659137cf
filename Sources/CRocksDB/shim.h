#ifndef EQUITYCHAIN_CROCKSDB_SHIM_H
#define EQUITYCHAIN_CROCKSDB_SHIM_H
#include <rocksdb/c.h>
#endif
