// The admins' live feed over /ws: the dashboard as the read model changes, without reloading.
// The token travels as the WebSocket subprotocol after "bearer", never in the address.
let socket = null;
let wanted = false;
let retryDelay = 1000;

export function follow(token, onDashboard) {
  wanted = true;
  open(token, onDashboard);
}

export function stop() {
  wanted = false;
  socket?.close();
  socket = null;
  status('offline');
}

function open(token, onDashboard) {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${window.location.host}/ws`, ['bearer', token]);
  socket.addEventListener('open', () => {
    retryDelay = 1000;
    socket.send(JSON.stringify({ type: 'subscribe', topic: 'dashboard' }));
  });
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'dashboard') {
      status('live');
      onDashboard(message.data);
    }
  });
  socket.addEventListener('close', () => {
    status('offline');
    if (wanted) {
      setTimeout(() => { if (wanted) open(token, onDashboard); }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    }
  });
}

function status(text) {
  const badge = document.getElementById('live-status');
  badge.textContent = text;
  badge.className = `badge ${text}`;
}
