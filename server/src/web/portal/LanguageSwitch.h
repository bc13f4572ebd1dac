#pragma once
// The language links: GET <any page>?lang=fr sets the "lang" cookie (a year, every page)
// and redirects (303) to the same page without the parameter, so the address bar, history
// and bookmarks carry no language and a reload keeps the choice.
#include "web/Request.h"
#include "web/Services.h"

namespace tessera::web::portal {

// Answers and returns true when the request is a language switch; false otherwise.
// An unsupported ?lang= value is dropped without setting anything.
bool handleLanguageSwitch(Request& r, const Services& services);

}  // namespace tessera::web::portal
