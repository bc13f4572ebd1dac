#pragma once
// The text of each page, as the HTML that goes inside <main>. Every value that came from the
// provider or the request is escaped here.
#include <optional>
#include <string>

#include "SessionStore.h"
#include "tessera/shared/Loa.h"

namespace tessera::demo::pages {

std::string signedOutHome();
std::string signedInHome(const Session& session);
std::string secure(const Session& session);

// The secure page could not be reached: the provider said so (`providerError`,
// `providerDescription`) or signed the citizen in at a lower level. `portalUrl` is where the
// citizen raises their level.
std::string levelNotReached(Loa required, const std::string& providerError, const std::string& providerDescription,
                            const std::string& portalUrl);
// The citizen said no on the consent page.
std::string notShared();
// A sign-in that did not work, with what to do next.
std::string problem(const std::string& heading, const std::string& explanation, const std::string& detail = "");
// Tessera cannot be reached (or answers nonsense).
std::string providerDown(const std::string& issuer, const std::string& detail);
std::string signedOut(bool providerSessionEnded);
std::string notFound();

}  // namespace tessera::demo::pages
