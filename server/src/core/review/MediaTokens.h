#pragma once
// Short-lived links to a case's photos and video. The workstation's media player cannot send
// the bearer token, so the media URL carries a token of its own binding the reviewer, the case,
// the media item and an expiry (settings mediaTokenSeconds); it opens the media only while that
// reviewer still holds the case.
//
// The token is the binding sealed with the data key (AES-256-GCM, associated data naming the
// purpose) rather than an HMAC under a key derived from it (SecretBox::deriveKey): GCM's tag
// authenticates exactly as an HMAC would (checked in constant time by OpenSSL), and sealing
// also hides which reviewer and case a URL belongs to, where an HMAC token would have to carry
// the reviewer's account id in clear into URLs and access logs. Nothing is stored, so any
// server process checks any token. Random 96-bit nonces: far from their limit (2^32 seals
// under one key) at any realistic number of media views.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/Context.h"
#include "core/services/Actor.h"
#include "core/verification/ApplicationStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct IssuedMediaToken {
    std::string token;  // URL-safe (base64url)
    std::int64_t expiresAt = 0;
};

class MediaTokens {
public:
    explicit MediaTokens(Context& ctx) : ctx_(ctx), store_(ctx.db, ctx.dataKey) {}

    // Forbidden "role_required" | "conflict_of_interest"; NotFound "case_not_found" |
    // "media_not_found"; Conflict "claim_required" | "claim_expired". Audited ("review.media_opened").
    Result<IssuedMediaToken> issue(const std::string& caseId, const std::string& mediaId, const Actor& reviewer);
    // The media item to serve. Forbidden "media_token_invalid" (malformed, altered, or for other
    // media), "media_token_expired", "claim_required" (the reviewer no longer holds the case),
    // "role_required" (the reviewer lost the role); NotFound "media_not_found" (deleted since).
    Result<MediaItem> verify(std::string_view token, const std::string& caseId, const std::string& mediaId);

private:
    Context& ctx_;
    ApplicationStore store_;
};

}  // namespace tessera::core
