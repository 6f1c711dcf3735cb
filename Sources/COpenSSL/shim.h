#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/pem.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/crypto.h>

/// OpenSSL frees its locks in an atexit handler; a thread still inside OpenSSL then crashes on a freed lock.
static inline void clerk_openssl_skip_atexit_cleanup(void) { OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, NULL); }
