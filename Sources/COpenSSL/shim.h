#ifndef EQUITYCHAIN_COPENSSL_SHIM_H
#define EQUITYCHAIN_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <openssl/err.h>
#include <openssl/sha.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#endif
