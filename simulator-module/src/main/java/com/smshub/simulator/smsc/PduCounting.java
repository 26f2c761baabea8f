package com.smshub.simulator.smsc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.function.IntConsumer;

import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnectionFactory;

/**
 * The SMSC's connections, each telling the command id of every PDU the ESME sent, as the SMSC reads it. jSMPP's
 * server session answers some PDUs itself (enquire_link, unbind) and shows them to no listener; read off the wire
 * here, they are counted like the rest (an ESME's keep-alive is something a test must be able to see).
 */
final class PduCounting implements ServerConnectionFactory {

    private final ServerSocketConnectionFactory sockets = new ServerSocketConnectionFactory();
    private final IntConsumer onPdu;

    /** @param onPdu called with each PDU's command_id once its header is read */
    PduCounting(IntConsumer onPdu) {
        this.onPdu = onPdu;
    }

    @Override
    public ServerConnection listen(int port) throws IOException {
        return new Server(sockets.listen(port));
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return new Server(sockets.listen(port, timeout));
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        return new Server(sockets.listen(port, timeout, backlog));
    }

    private final class Server implements ServerConnection {
        private final ServerConnection server;

        Server(ServerConnection server) {
            this.server = server;
        }

        @Override
        public Connection accept() throws IOException {
            return new Counted(server.accept());
        }

        @Override
        public void setSoTimeout(int timeout) throws IOException {
            server.setSoTimeout(timeout);
        }

        @Override
        public int getSoTimeout() throws IOException {
            return server.getSoTimeout();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private final class Counted implements Connection {
        private final Connection connection;
        private final InputStream in;

        Counted(Connection connection) {
            this.connection = connection;
            this.in = new PduStream(connection.getInputStream(), onPdu);
        }

        @Override
        public boolean isOpen() {
            return connection.isOpen();
        }

        @Override
        public InetAddress getInetAddress() {
            return connection.getInetAddress();
        }

        @Override
        public InetAddress getLocalAddress() {
            return connection.getLocalAddress();
        }

        @Override
        public int getPort() {
            return connection.getPort();
        }

        @Override
        public int getLocalPort() {
            return connection.getLocalPort();
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return connection.getOutputStream();
        }

        @Override
        public void setSoTimeout(int timeout) throws IOException {
            connection.setSoTimeout(timeout);
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }

    /** Follows PDU boundaries in what is read: the header's command_length and command_id (its first eight octets), then the rest. */
    static final class PduStream extends FilterInputStream {
        private final IntConsumer onPdu;
        private final byte[] header = new byte[8];
        private int headerRead;
        private long bodyLeft;

        PduStream(InputStream in, IntConsumer onPdu) {
            super(in);
            this.onPdu = onPdu;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                seen((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                seen(buffer[offset + i]);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // jSMPP reads every octet; a skip would lose the boundaries, so it is read instead
            long skipped = 0;
            while (skipped < n && read() >= 0) {
                skipped++;
            }
            return skipped;
        }

        private void seen(byte b) {
            if (bodyLeft > 0) {
                bodyLeft--;
                return;
            }
            header[headerRead++] = b;
            if (headerRead == header.length) {
                headerRead = 0;
                long length = intAt(0) & 0xFFFFFFFFL;
                bodyLeft = Math.max(0, length - header.length);
                onPdu.accept(intAt(4));
            }
        }

        private int intAt(int at) {
            return (header[at] & 0xFF) << 24 | (header[at + 1] & 0xFF) << 16 | (header[at + 2] & 0xFF) << 8 | header[at + 3] & 0xFF;
        }
    }
}
