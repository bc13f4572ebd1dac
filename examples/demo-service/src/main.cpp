// tessera-demo-service: a demo council web service that signs citizens in through Tessera.
// See DemoService.h for its pages and Options.cpp (--help) for its settings.
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <pthread.h>

#include "DemoService.h"
#include "HttpServer.h"
#include "OidcClient.h"
#include "Options.h"
#include "SessionStore.h"

using namespace tessera::demo;

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto options = parseOptions(args, [](const std::string& name) {
        const char* v = std::getenv(name.c_str());
        return v ? std::string(v) : std::string();
    });
    if (!options) {
        std::cerr << "tessera-demo-service: " << options.error().message << "\n";
        return 2;
    }
    if (options->help) {
        std::cout << usage();
        return 0;
    }

    // SIGINT and SIGTERM are taken by sigwait below, in this thread only: block them before any
    // other thread starts, so every thread inherits the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    Poco::Net::initializeSSL();
    int exitCode = 0;
    try {
        const Clock clock = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
        auto oidc = std::make_shared<OidcClient>(options->issuer, options->redirectUri(), credentialsSource(*options),
                                                 std::make_shared<PocoHttpClient>(), clock);
        auto service = std::make_shared<DemoService>(*options, oidc, std::make_shared<SessionStore>(), clock);

        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(options->host, static_cast<Poco::UInt16>(options->port)));
        auto params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(8);
        params->setTimeout(Poco::Timespan(30, 0));
        Poco::Net::HTTPServer server(new RequestHandlerFactory(service), socket, params);
        server.start();
        std::cout << "Demo council (demo service) at " << options->publicUrl << "  signs in through Tessera at "
                  << options->issuer << std::endl;

        int signal = 0;
        sigwait(&stopSignals, &signal);
        std::cout << "tessera-demo-service: stopping" << std::endl;
        server.stopAll(true);
    } catch (const Poco::Exception& e) {
        std::cerr << "tessera-demo-service: cannot listen on " << options->host << ":" << options->port << ": "
                  << e.displayText() << "\n";
        exitCode = 1;
    } catch (const std::exception& e) {
        std::cerr << "tessera-demo-service: " << e.what() << "\n";
        exitCode = 1;
    }
    Poco::Net::uninitializeSSL();
    return exitCode;
}
