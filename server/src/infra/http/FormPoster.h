#pragma once
// Posting a small HTML-style form (application/x-www-form-urlencoded) to another party and
// reading only its status: how the provider tells services that a citizen signed out
// (back-channel logout). HttpFormPoster (infra/http/HttpFormPoster.h) is the real one; tests
// may substitute their own.
#include <string>
#include <utility>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::infra {

using FormFieldList = std::vector<std::pair<std::string, std::string>>;

class FormPoster {
public:
    virtual ~FormPoster() = default;
    // POSTs `fields` to `url` and returns the HTTP status the other party answered (any
    // status: the caller decides what success is). Unavailable ("post_failed") when no
    // answer came: refused URL, connection refused, timeout, TLS failure. Error messages
    // never contain the fields (they may hold tokens). Safe to call from several threads.
    virtual Result<int> post(const std::string& url, const FormFieldList& fields) = 0;
};

// "a=1&b=x%20y": the fields percent-encoded for an application/x-www-form-urlencoded body.
std::string encodeFormFields(const FormFieldList& fields);

}  // namespace tessera::infra
