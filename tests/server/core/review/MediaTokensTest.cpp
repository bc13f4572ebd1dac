// Media links: a reviewer holding a case gets a short-lived token for one photo or video; it
// opens that item only, only until it expires, only while the reviewer still holds the case.
#include <catch2/catch.hpp>

#include "core/review/CaseClaims.h"
#include "core/review/MediaTokens.h"
#include "infra/Encoding.h"
#include "support/ReviewBuilders.h"

using namespace tessera;
using namespace tessera::test;

TEST_CASE("A media token opens one item of a held case until it expires", "[review][media]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            auto rita = t.reviewer("rita@example.org");
            auto ben = t.reviewer("ben@example.org");
            auto c = makeCase(t, {t.citizen("grace@example.org")});
            auto other = makeCase(t, {t.citizen("ada@example.org")});
            auto media = t.applications().media(c.id);
            REQUIRE(media.size() == 3);
            const std::string video = media[2].id;
            REQUIRE(media[2].slot == core::MediaSlot::SelfieVideo);
            core::CaseClaims claims(t.ctx());
            core::MediaTokens tokens(t.ctx());

            CHECK(tokens.issue(c.id, video, rita).error().code == "claim_required");
            REQUIRE(claims.claim(c.id, rita));
            CHECK(tokens.issue(c.id, video, ben).error().code == "claim_required");
            CHECK(tokens.issue(c.id, t.applications().media(other.id)[0].id, rita).error().code == "media_not_found");
            auto issued = tokens.issue(c.id, video, rita);
            REQUIRE(issued);
            CHECK(issued->expiresAt == t.clock().now() + t.settings().mediaTokenSeconds);
            // Nothing about the reviewer or the case is readable in the token.
            CHECK(issued->token.find(rita.accountId) == std::string::npos);
            CHECK(infra::encoding::unbase64url(issued->token)->find(c.id) == std::string::npos);

            auto served = tokens.verify(issued->token, c.id, video);
            REQUIRE(served);
            CHECK(served->id == video);
            CHECK(served->contentType == "video/webm");

            SECTION("not for another item or case") {
                CHECK(tokens.verify(issued->token, c.id, media[0].id).error().code == "media_token_invalid");
                CHECK(tokens.verify(issued->token, other.id, video).error().code == "media_token_invalid");
            }
            SECTION("an altered token is refused") {
                for (std::size_t i : {std::size_t(0), issued->token.size() / 2, issued->token.size() - 1}) {
                    std::string altered = issued->token;
                    altered[i] = altered[i] == 'A' ? 'B' : 'A';
                    auto refused = tokens.verify(altered, c.id, video);
                    REQUIRE_FALSE(refused);
                    CHECK(refused.error().kind == ErrorKind::Forbidden);
                    CHECK(refused.error().code == "media_token_invalid");
                }
                CHECK(tokens.verify("", c.id, video).error().code == "media_token_invalid");
                CHECK(tokens.verify("%%%", c.id, video).error().code == "media_token_invalid");
                CHECK(tokens.verify(issued->token.substr(0, 20), c.id, video).error().code == "media_token_invalid");
            }
            SECTION("it expires") {
                t.clock().advance(t.settings().mediaTokenSeconds - 1);
                CHECK(tokens.verify(issued->token, c.id, video));
                t.clock().advance(1);
                CHECK(tokens.verify(issued->token, c.id, video).error().code == "media_token_expired");
            }
            SECTION("it dies with the claim") {
                REQUIRE(claims.release(c.id, rita));
                CHECK(tokens.verify(issued->token, c.id, video).error().code == "claim_required");
                // Ben claims it: rita's link still does not work, ben needs his own.
                REQUIRE(claims.claim(c.id, ben));
                CHECK(tokens.verify(issued->token, c.id, video).error().code == "claim_required");
                auto bens = tokens.issue(c.id, video, ben);
                REQUIRE(bens);
                CHECK(tokens.verify(bens->token, c.id, video));
            }
            SECTION("opening media is audited") {
                int opened = 0;
                for (const auto& e : t.ctx().audit.entriesFor(c.id)) opened += e.event == "review.media_opened";
                CHECK(opened == 1);
            }
        }
    }
}
