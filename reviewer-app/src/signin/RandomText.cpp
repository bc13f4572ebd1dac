#include "signin/RandomText.h"

#include <openssl/rand.h>

namespace tessera::reviewer {

std::optional<QByteArray> randomBase64Url(int byteCount) {
    if (byteCount <= 0) return std::nullopt;
    QByteArray random(byteCount, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), byteCount) != 1) return std::nullopt;
    return random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

}  // namespace tessera::reviewer
