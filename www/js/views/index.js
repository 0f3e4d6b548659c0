// Every tab of the calculator, in order. A new view is one module that calls
// registerView, plus one import line here.
import './ranking.js';
import './backlog.js';
import './framework.js';
import './settings.js';
import './review.js';
import './roadmap.js';
import './data.js';
import './sensitivity.js';
