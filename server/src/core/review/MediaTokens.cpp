#include "core/review/MediaTokens.h"

#include <charconv>
#include <vector>

#include "core/review/ReviewerAccess.h"
#include "infra/Digest.h"
#include "infra/Encoding.h"

namespace tessera::core {

namespace {

constexpr std::string_view kPurpose = "tessera.review.media_token.v1";

Error invalidToken() {
    return Error::forbidden("media_token_invalid", "This media link is not valid: open the media from the case again.");
}

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == sep) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    return parts;
}

}  // namespace

Result<IssuedMediaToken> MediaTokens::issue(const std::string& caseId, const std::string& mediaId,
                                            const Actor& reviewer) {
    auto rank = reviewerRank(ctx_, reviewer.accountId);
    if (!rank) return rank.error();
    return ctx_.db.transaction<IssuedMediaToken>([&](Poco::Data::Session& s) -> Result<IssuedMediaToken> {
        auto a = store_.find(s, caseId);
        if (auto isCase = checkIsCase(a); !isCase) return isCase.error();
        if (auto free = checkNoConflictOfInterest(ctx_, s, *a, reviewer.accountId); !free) return free.error();
        const std::int64_t now = ctx_.clock.now();
        if (auto holds = checkHoldsClaim(*a, reviewer.accountId, now); !holds) return holds.error();
        auto item = store_.mediaItem(caseId, mediaId);
        if (!item) return Error::notFound("media_not_found", "This case has no such photo or video.");
        IssuedMediaToken out;
        out.expiresAt = now + ctx_.settings.mediaTokenSeconds;
        const std::string binding = reviewer.accountId + "\n" + caseId + "\n" + mediaId + "\n" +
                                    std::to_string(out.expiresAt);
        out.token = infra::encoding::base64url(ctx_.dataKey.seal(binding, kPurpose));
        if (auto audited = ctx_.audit.append(s, {"review.media_opened", reviewer.accountId, caseId,
                                                 reviewer.clientAddress,
                                                 {{"media", mediaId}, {"slot", std::string(toString(item->slot))}}});
            !audited)
            return audited.error();
        return out;
    });
}

Result<MediaItem> MediaTokens::verify(std::string_view token, const std::string& caseId, const std::string& mediaId) {
    if (token.empty() || token.size() > 1024) return invalidToken();
    auto sealed = infra::encoding::unbase64url(token);
    if (!sealed) return invalidToken();
    auto opened = ctx_.dataKey.open(*sealed, kPurpose);
    if (!opened) return invalidToken();
    const auto parts = split(*opened, '\n');
    if (parts.size() != 4) return invalidToken();
    std::int64_t expiresAt = 0;
    auto [ptr, ec] = std::from_chars(parts[3].data(), parts[3].data() + parts[3].size(), expiresAt);
    if (ec != std::errc() || ptr != parts[3].data() + parts[3].size()) return invalidToken();
    // Both comparisons run whatever the first says, so timing tells nothing about which differed.
    const bool sameCase = infra::digest::constantTimeEquals(parts[1], caseId);
    const bool sameMedia = infra::digest::constantTimeEquals(parts[2], mediaId);
    if (!(sameCase && sameMedia)) return invalidToken();
    const std::int64_t now = ctx_.clock.now();
    if (now >= expiresAt)
        return Error::forbidden("media_token_expired", "This media link has expired: open the media from the case again.");
    const std::string reviewerId(parts[0]);
    if (auto rank = reviewerRank(ctx_, reviewerId); !rank) return rank.error();
    auto a = store_.find(caseId);
    if (!a || !holdsLiveClaim(*a, reviewerId, now))
        return Error::forbidden("claim_required", "The case is no longer claimed by the reviewer this link was made for.");
    auto item = store_.mediaItem(caseId, mediaId);
    if (!item) return Error::notFound("media_not_found", "This case has no such photo or video.");
    return *item;
}

}  // namespace tessera::core
