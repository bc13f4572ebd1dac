#include "signin/PkcePair.h"

#include <QCryptographicHash>

#include <openssl/rand.h>

#include <stdexcept>

namespace tessera::reviewer {

PkcePair makePkcePair() {
    QByteArray random(32, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), static_cast<int>(random.size())) != 1)
        throw std::runtime_error("OpenSSL could not provide random bytes");
    const auto encoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    PkcePair pair;
    pair.verifier = random.toBase64(encoding);
    pair.challenge = QCryptographicHash::hash(pair.verifier, QCryptographicHash::Sha256).toBase64(encoding);
    return pair;
}

}  // namespace tessera::reviewer
