#pragma once
// Limits on the sign-in's own HTTP calls (discovery, token, revocation): a server that does not
// answer in time counts as unreachable, and no answer is read past a size no real one reaches.
namespace tessera::reviewer {

inline constexpr int kHttpTimeoutMs = 20'000;
inline constexpr long long kMaxResponseBytes = 256 * 1024;

}  // namespace tessera::reviewer
