#pragma once
// All field validators in one include, for code that checks whole forms. Each validator
// returns Status, or Result<T> with the normalised value, and reports problems as
// Error::field(field, code, message) against the field name the caller passes.
#include "tessera/shared/CalendarDate.h"
#include "tessera/shared/DrivingLicence.h"
#include "tessera/shared/Email.h"
#include "tessera/shared/Mrz.h"
#include "tessera/shared/Password.h"
#include "tessera/shared/PersonName.h"
#include "tessera/shared/Phone.h"
#include "tessera/shared/Postcode.h"
#include "tessera/shared/ProfileChoices.h"
#include "tessera/shared/Utf8.h"
