// Thrown when a caller's progress callback asks a long operation (an import,
// token statistics) to stop. It derives from Error so that a boundary catching
// Error stays correct, but GUI workers can catch it first and treat it as a
// user's choice rather than a failure.
#pragma once

#include "common/errors.h"

namespace bertbench {

class OperationCancelled : public Error {
public:
    using Error::Error;
};

}  // namespace bertbench
