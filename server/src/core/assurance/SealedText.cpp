#include "core/assurance/SealedText.h"

#include <Poco/Logger.h>

#include "infra/Encoding.h"

namespace tessera::core {

namespace {

std::string associatedData(std::string_view purpose, std::string_view rowId) {
    return "tessera." + std::string(purpose) + ":" + std::string(rowId);
}

}  // namespace

std::string sealText(const infra::SecretBox& key, std::string_view plain, std::string_view purpose,
                     std::string_view rowId) {
    if (plain.empty()) return {};
    return infra::encoding::base64url(key.seal(plain, associatedData(purpose, rowId)));
}

Result<std::string> openText(const infra::SecretBox& key, std::string_view stored, std::string_view purpose,
                             std::string_view rowId) {
    if (stored.empty()) return std::string();
    auto sealed = infra::encoding::unbase64url(stored);
    if (sealed) {
        auto opened = key.open(*sealed, associatedData(purpose, rowId));
        if (opened) return std::move(opened).value();
    }
    Error e = Error::internal("A stored personal field (" + std::string(purpose) + ") could not be decrypted.");
    e.code = "sealed_field_unreadable";
    return e;
}

std::string openTextOrEmpty(const infra::SecretBox& key, std::string_view stored, std::string_view purpose,
                            std::string_view rowId) {
    auto opened = openText(key, stored, purpose, rowId);
    if (opened) return std::move(opened).value();
    Poco::Logger::get("tessera.verification")
        .error("sealed field " + std::string(purpose) + " of row " + std::string(rowId) + " does not open");
    return {};
}

}  // namespace tessera::core
