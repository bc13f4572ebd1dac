#pragma once
// A citizen's answer on the consent page: agreeing stores what they agreed to (widening an
// earlier consent to the same service, or renewing a withdrawn one) and refusing stores
// nothing; both are audited (consent.given, consent.refused) with the scopes and claim names
// asked for, never their values.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Context.h"
#include "core/oidc/ConsentStore.h"
#include "core/services/Service.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct ConsentAnswer {
    std::string accountId;
    const Service* service = nullptr;
    std::vector<std::string> scopes;
    std::vector<std::string> claims;
    std::string language;   // of the page the citizen answered
    std::string textShown;  // the service's explanation as the page showed it
    std::string sessionPublicId;
    std::string clientAddress;
};

// The service's explanation of why it asks (its consent text) in `language`, else English,
// else any language it has: {language, text}; {"", ""} when it has none.
std::pair<std::string, std::string> consentTextFor(const Service& service, const std::string& language);

class ConsentService {
public:
    explicit ConsentService(Context& ctx) : ctx_(ctx), store_(ctx.db) {}

    // The consent in force for (account, service), if any.
    std::optional<Consent> inForce(const std::string& accountId, const std::string& serviceId);
    // Stores the consent (the union with one still in force) and audits it; returns it.
    Result<Consent> give(const ConsentAnswer& answer);
    // Audits the refusal; an earlier consent stays as it was.
    Status refuse(const ConsentAnswer& answer);

private:
    Context& ctx_;
    ConsentStore store_;
};

}  // namespace tessera::core::oidc
