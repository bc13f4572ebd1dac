#include "client/IdempotencyKey.h"

#include <openssl/rand.h>

namespace tessera::reviewer {

std::optional<QByteArray> newIdempotencyKey() {
    QByteArray bytes(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size())) != 1) return std::nullopt;
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

}  // namespace tessera::reviewer
