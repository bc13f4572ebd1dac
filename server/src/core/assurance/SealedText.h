#pragma once
// Personal text at rest in the verification tables: sealed with the data key (AES-256-GCM),
// bound to what it is ("purpose") and the row it belongs to, stored base64url. Binding to the
// row means a sealed value copied into another row or column no longer opens.
#include <string>
#include <string_view>

#include "infra/SecretBox.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// Empty text stays empty (nothing to hide, and "not given" stays visible to queries).
std::string sealText(const infra::SecretBox& key, std::string_view plain, std::string_view purpose,
                     std::string_view rowId);
// Internal "sealed_field_unreadable" when the stored value does not open (wrong key, moved or
// tampered value): never partial text.
Result<std::string> openText(const infra::SecretBox& key, std::string_view stored, std::string_view purpose,
                             std::string_view rowId);
// For readers that cannot return an error: the text, or empty with the failure logged (which
// column and row, never its content).
std::string openTextOrEmpty(const infra::SecretBox& key, std::string_view stored, std::string_view purpose,
                            std::string_view rowId);

}  // namespace tessera::core
