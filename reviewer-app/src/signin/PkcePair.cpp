#include "signin/PkcePair.h"

#include <QCryptographicHash>

#include "signin/RandomText.h"

namespace tessera::reviewer {

QByteArray pkceChallengeOf(const QByteArray& verifier) {
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<PkcePair> makePkcePair() {
    auto verifier = randomBase64Url(32);
    if (!verifier) return std::nullopt;
    return PkcePair{*verifier, pkceChallengeOf(*verifier)};
}

}  // namespace tessera::reviewer
