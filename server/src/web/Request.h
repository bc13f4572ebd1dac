#pragma once
// What a handler sees of one HTTP exchange: the parsed request, its path parameters,
// the body (already read within the size limit) and the response to fill.
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <map>
#include <optional>
#include <string>

namespace tessera::web {

struct Request {
    Poco::Net::HTTPServerRequest& http;
    Poco::Net::HTTPServerResponse& response;
    std::string method;
    std::string path;   // decoded path without query
    std::string query;  // raw query string
    std::string body;
    std::string requestId;
    std::string clientAddress;
    std::map<std::string, std::string> params;  // from the route pattern

    std::string param(const std::string& name) const;
    std::optional<std::string> queryParam(const std::string& name) const;
    std::optional<std::string> header(const std::string& name) const;
    std::optional<std::string> cookie(const std::string& name) const;
    // The media type of the body without parameters, lower-cased ("application/json").
    std::string mediaType() const;
};

}  // namespace tessera::web
