// tessera-server: reads configuration (file, then TESSERA_* environment), starts the HTTP
// server on the configured database, and shuts down gracefully on SIGTERM/SIGINT.
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <csignal>
#include <iostream>
#include <optional>
#include <string>

#include "infra/JsonLogFormatter.h"
#include "infra/Settings.h"
#include "web/Application.h"
#include "web/DemoData.h"
#include "web/SigningKeyCommand.h"

using Poco::Util::Option;
using Poco::Util::OptionSet;

class TesseraServer final : public Poco::Util::ServerApplication {
protected:
    void defineOptions(OptionSet& options) override {
        ServerApplication::defineOptions(options);
        options.addOption(Option("help", "h", "show this help and the configuration keys").required(false).repeatable(false));
        options.addOption(Option("config", "c", "load configuration from FILE (.properties or .ini)")
                              .required(false).repeatable(false).argument("FILE").binding("tessera.config_file"));
        options.addOption(Option("rotate-signing-key", "", "make a new token signing key for ALG (ES256 or RS256) that "
                                                           "signs from now on, then exit (servers may be running)")
                              .required(false).repeatable(false).argument("ALG"));
        options.addOption(Option("list-signing-keys", "", "list the token signing keys and their schedule, then exit")
                              .required(false).repeatable(false));
    }

    void handleOption(const std::string& name, const std::string& value) override {
        ServerApplication::handleOption(name, value);
        if (name == "help") {
            help_ = true;
            stopOptionsProcessing();
        } else if (name == "rotate-signing-key") {
            rotateAlg_ = value;
        } else if (name == "list-signing-keys") {
            listKeys_ = true;
        }
    }

    int main(const std::vector<std::string>&) override {
        // A peer closing a TLS or SMTP connection mid-write must be an error value, not a crash.
        std::signal(SIGPIPE, SIG_IGN);
        if (help_) {
            printHelp();
            return EXIT_OK;
        }
        if (config().hasProperty("tessera.config_file")) {
            try {
                loadConfiguration(config().getString("tessera.config_file"));
            } catch (const Poco::Exception& e) {
                std::cerr << "Cannot read the configuration file: " << e.displayText() << "\n";
                return EXIT_CONFIG;
            }
        }
        tessera::infra::applyEnvironmentOverrides(config());
        auto settings = tessera::infra::Settings::from(config());
        if (!settings) {
            std::cerr << settings.error().message << "\n";
            for (const auto& f : settings.error().fields) std::cerr << "  " << f.message << "\n";
            return EXIT_CONFIG;
        }
        tessera::infra::configureLogging(settings->logFormat, settings->logLevel);
        if (rotateAlg_) return tessera::web::rotateSigningKey(*settings, *rotateAlg_, std::cout, std::cerr);
        if (listKeys_) return tessera::web::listSigningKeys(*settings, std::cout, std::cerr);
        auto& log = Poco::Logger::get("tessera");

        auto app = tessera::web::Application::create(*settings);
        if (!app) {
            log.fatal("cannot start: " + app.error().message);
            std::cerr << "Cannot start: " << app.error().message << "\n";
            return EXIT_SOFTWARE;
        }
        if (settings->demo) {
            auto demo = tessera::web::seedDemoData((*app)->services());
            if (!demo) {
                std::cerr << "Cannot seed demo data: " << demo.error().message << "\n";
                return EXIT_SOFTWARE;
            }
            std::cout << *demo << std::flush;
        }
        (*app)->start();
        log.information("{\"event\":\"started\",\"url\":\"" + settings->publicUrl + "\",\"port\":" +
                        std::to_string((*app)->port()) + "}");
        std::cout << "Tessera is running at " << settings->publicUrl << "  (Ctrl+C to stop)" << std::endl;
        waitForTerminationRequest();
        log.information("{\"event\":\"stopping\"}");
        (*app)->stop(30);
        log.information("{\"event\":\"stopped\"}");
        return EXIT_OK;
    }

private:
    void printHelp() {
        Poco::Util::HelpFormatter help(options());
        help.setCommand(commandName());
        help.setUsage("[--config FILE] [--rotate-signing-key ALG | --list-signing-keys]");
        help.setHeader("Tessera identity server.");
        help.setFooter(
            "Every configuration key can be set by an environment variable: TESSERA_HTTP_PORT (8080), "
            "TESSERA_PUBLIC_URL, TESSERA_DATA_DIR (./var), TESSERA_DATABASE_URL (sqlite file in the data dir, or "
            "postgresql://...), TESSERA_SMTP_URL (unset: mail goes to DATA_DIR/outbox), TESSERA_DEMO=1 (demo data), "
            "TESSERA_SESSION_IDLE_SECONDS, TESSERA_SESSION_ABSOLUTE_SECONDS, TESSERA_ARGON2_MEMORY_KIB, "
            "TESSERA_LOG_FORMAT (json|text), TESSERA_LOG_LEVEL. See resources/config/tessera.properties.");
        help.format(std::cout);
    }

    bool help_ = false;
    std::optional<std::string> rotateAlg_;
    bool listKeys_ = false;
};

POCO_SERVER_MAIN(TesseraServer)
