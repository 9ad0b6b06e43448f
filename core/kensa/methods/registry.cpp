#include <kensa/methods/registry.h>

#include <kensa/base/error.h>
#include <kensa/methods/adtr/adtr_method.h>
#include <kensa/methods/diffusion/diffusion_method.h>
#include <kensa/methods/padim/padim_method.h>
#include <kensa/methods/patchcore/patchcore_method.h>
#include <kensa/methods/spade/spade_method.h>

namespace kensa::engine {

const std::vector<const Method*>& methods() {
    static const std::vector<const Method*> all{
        &adtr::adtr_method(),
        &patchcore::patchcore_method(),
        &padim::padim_method(),
        &spade::spade_method(),
        &diffusion::diffusion_method(),
    };
    return all;
}

const Method& method(std::string_view id) {
    for (const auto* m : methods())
        if (m->id() == id)
            return *m;
    std::string known;
    for (const auto& name : method_ids())
        known += (known.empty() ? "" : ", ") + name;
    throw Error("unknown method '" + std::string(id) + "' (known: " + known + ")");
}

std::vector<std::string> method_ids() {
    std::vector<std::string> ids;
    for (const auto* m : methods())
        ids.emplace_back(m->id());
    return ids;
}

}  // namespace kensa::engine
