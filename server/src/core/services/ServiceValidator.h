#pragma once
// Checks every field of a service as it would be stored, and reports each problem on the
// API's field name ("redirectUris[1]", "consentText.fr"), so one answer lists everything to fix.
#include "core/services/Service.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

inline constexpr std::size_t kMaxServiceNameBytes = 200;
inline constexpr std::size_t kMaxServiceDescriptionBytes = 2000;
inline constexpr std::size_t kMaxServiceUris = 20;
inline constexpr std::size_t kMaxConsentTextBytes = 2000;
inline constexpr std::size_t kMaxConsentLanguages = 20;

// ok() when the service may be stored; otherwise one validation error listing every field.
Status validateService(const Service& service);

}  // namespace tessera::core
