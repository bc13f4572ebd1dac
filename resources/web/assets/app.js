// Starts govuk-frontend's components (error summary focus, buttons, service navigation...).
// Every page works without JavaScript; this only adds what the components do with it.
// Loaded as an ES module from the layout: no inline script anywhere (the page CSP forbids it).
import { initAll, isSupported } from '../govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled')
if (isSupported()) {
  document.body.classList.add('govuk-frontend-supported')
  initAll()
}
