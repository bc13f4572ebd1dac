#pragma once
// What handlers use: the core context (stores, clock, settings, mail, audit).
#include "core/Context.h"

namespace tessera::web {

using Services = core::Context;

}  // namespace tessera::web
