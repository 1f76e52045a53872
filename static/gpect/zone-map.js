/* GPECT Atlas: zones drawn from a static geometry file fetched once per page, restyled on each Streamlit rerun.
 *
 * A rerun of the map sends only `GpectZoneMap.apply(featureGroup, options)` (see gpect_core/maps.py,
 * `ZoneStyles`): the geometry and tooltip URLs (content-hashed), one fill index and one style kind per zone in
 * the geometry file's order. The zones layer lives on the map itself, outside the feature group
 * streamlit-folium swaps on each rerun; the feature group only becomes the zones' event parent, so a click on
 * a zone reaches streamlit-folium's click handler (bound to the feature group) with the zone as `e.layer`.
 */
(function () {
  "use strict";
  var geometry = {};  // url -> Promise of GeoJSON, kept for the life of the page
  // streamlit-folium counts clicks from 0 in each iframe, and Streamlit makes a new iframe for the same map (same
  // widget, same server-side value) whenever the page's layout above it changes. The same spot clicked in the new
  // iframe then sent the very value the server already held (count 1, same point): no change, click lost. Counting
  // from the time the iframe was made keeps every click a new value. Loaded before the map is made, so the
  // initial report (no click yet) still equals the previous value and does not rerun the page.
  var shared = window.__GLOBAL_DATA__;
  if (shared && shared.previous_data && "last_object_clicked_count" in shared.previous_data) {
    var start = Date.now();
    shared.last_object_clicked_count = start;
    shared.previous_data.last_object_clicked_count = start;
  }
  // streamlit-folium reports the map's state 250 ms after the last event (a debounce meant for pans and zooms), so
  // a click on a zone reached the server a quarter of a second late. The click is reported at once instead, with
  // the very value that debounced report computes (streamlit-folium's `updateComponentValue` for our two returned
  // objects, sent as streamlit-component-lib's setComponentValue message); the debounced report then finds the
  // same value already sent and sends nothing. Any other set of returned objects keeps streamlit-folium's way.
  function reportClickNow() {
    var data = window.__GLOBAL_DATA__, map = window.map;
    var wanted = data && data.returned_objects;
    if (!wanted || wanted.length !== 2 || wanted.indexOf("last_object_clicked") < 0
        || wanted.indexOf("last_object_clicked_count") < 0) { return; }
    var point = data.last_object_clicked;
    var value = {
      last_object_clicked: point && data.wrap_longitude ? map.wrapLatLng(point) : point,
      last_object_clicked_count: data.last_object_clicked_count,
    };
    if (JSON.stringify(data.previous_data) === JSON.stringify(value)) { return; }
    data.previous_data = value;
    window.parent.postMessage({isStreamlitMessage: true, type: "streamlit:setComponentValue", value: value,
                               dataType: "json"}, "*");
  }
  var tooltips = {};  // url -> columns, once loaded
  var state = {zonesUrl: null, zones: null, borders: {}, parent: null, latestParent: null, options: null};

  function load(url) {
    if (!geometry[url]) {
      geometry[url] = fetch(url, {credentials: "same-origin"}).then(function (response) {
        if (!response.ok) { throw new Error("geometry " + url + ": HTTP " + response.status); }
        return response.json();
      }).then(function (data) {
        // Zones come as TopoJSON (gpect_core/maps.py, zone_geometry): back to GeoJSON features, in their order.
        if (data && data.type === "Topology") {
          return topojson.feature(data, data.objects[Object.keys(data.objects)[0]]);
        }
        return data;
      });
    }
    return geometry[url];
  }

  function styleOf(index) {
    var o = state.options;
    var style = Object.assign({}, o.styles[o.kinds[index]] || o.styles[0]);
    var fill = o.fills[index];
    style.fillColor = fill >= 0 ? o.palette[fill] : o.missingFill;
    return style;
  }

  function tooltipOf(layer) {
    var o = state.options, index = layer.feature.properties.i;
    var box = document.createElement("div");
    var title = document.createElement("b");
    title.textContent = layer.feature.properties.n;
    box.appendChild(title);
    (tooltips[o.tooltip] || []).forEach(function (column) {
      var text = column.values[index];
      if (text === null || text === undefined || text === "") { return; }
      var row = document.createElement("div");
      row.textContent = (column.label ? column.label + " : " : "") + text;
      box.appendChild(row);
    });
    return box;
  }

  function restyle() {
    var outlined = [];
    state.zones.eachLayer(function (layer) {
      var index = layer.feature.properties.i;
      layer.setStyle(styleOf(index));
      if (state.options.kinds[index] >= 2) { outlined.push(layer); }
    });
    // Selected zones (kind 3) above peers (kind 2), so that no neighbour hides their outline.
    outlined.sort(function (a, b) {
      return state.options.kinds[a.feature.properties.i] - state.options.kinds[b.feature.properties.i];
    });
    outlined.forEach(function (layer) { layer.bringToFront(); });
  }

  function adopt(parent) {
    if (state.parent && state.parent !== parent) { state.zones.removeEventParent(state.parent); }
    state.zones.addEventParent(parent);
    state.parent = parent;
  }

  function showBorders(map, borders) {
    var wanted = {};
    borders.forEach(function (border) {
      wanted[border.url] = true;
      if (state.borders[border.url]) { return; }
      state.borders[border.url] = "loading";
      load(border.url).then(function (data) {
        if (state.borders[border.url] !== "loading") { return; }
        state.borders[border.url] = L.geoJSON(data, {
          pane: border.pane, interactive: false, style: function () { return border.style; },
        }).addTo(map);
      });
    });
    Object.keys(state.borders).forEach(function (url) {
      if (!wanted[url]) {
        if (state.borders[url] !== "loading") { map.removeLayer(state.borders[url]); }
        delete state.borders[url];
      }
    });
  }

  var CODES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";  // maps.STYLE_CODES

  function decode(options) {
    // One character per zone: (fill index + 1) * 4 + style kind (gpect_core/maps.py, encode_styles).
    if (typeof options.codes !== "string") { return; }
    var fills = new Array(options.codes.length), kinds = new Array(options.codes.length);
    for (var i = 0; i < options.codes.length; i++) {
      var code = CODES.indexOf(options.codes.charAt(i));
      fills[i] = Math.floor(code / 4) - 1;
      kinds[i] = code % 4;
    }
    options.fills = fills;
    options.kinds = kinds;
  }

  function apply(parent, options) {
    var map = window.map;
    decode(options);
    // streamlit-folium keeps every rerun's feature group in this page-level array and never empties it
    // (randyzwitch/streamlit-folium#247); the previous ones are already off the map when this runs.
    window.feature_group = [];
    state.options = options;
    state.latestParent = parent;
    if (options.tooltip && !tooltips[options.tooltip]) {
      var tipsUrl = options.tooltip;
      load(tipsUrl).then(function (columns) { tooltips[tipsUrl] = columns; });
    }
    showBorders(map, options.borders || []);
    if (state.zonesUrl === options.zones) {
      if (state.zones) {  // else the geometry is still loading: it will be drawn with these options
        adopt(parent);
        restyle();
      }
      return;
    }
    if (state.zones) { map.removeLayer(state.zones); state.zones = null; }
    state.zonesUrl = options.zones;
    var url = options.zones;
    load(url).then(function (data) {
      if (state.zonesUrl !== url) { return; }
      data.features.forEach(function (feature, index) { feature.properties.i = index; });
      state.zones = L.geoJSON(data, {
        style: function (feature) { return styleOf(feature.properties.i); },
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(tooltipOf, {sticky: true});
          layer.on("mouseover", function () { layer.setStyle(state.options.hover); });
          layer.on("mouseout", function () { layer.setStyle(styleOf(feature.properties.i)); });
          // after streamlit-folium's handler on the event parent has counted the click
          layer.on("click", function () { setTimeout(reportClickNow, 0); });
        },
      }).addTo(map);
      adopt(state.latestParent);
      restyle();
      map.fire("gpect:zonesdrawn");
    }).catch(function (error) { console.warn(String(error)); });
  }

  window.GpectZoneMap = {apply: apply, state: state, geometry: geometry};
})();
